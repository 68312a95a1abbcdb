"""Arabic dates as a Moroccan administration writes them: «7 دجنبر 2026», «07/12/2026 15:30».

Numbers are written in Latin digits, day first, in the order they are read out; the short
forms carry no right-to-left marks, so «07/12/2026» shows as one number, as Spanish and French
pages show it, never «2026/12/07». Settings left out here are Django's.
"""

DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y، H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
