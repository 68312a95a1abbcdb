"""The project's date formats, read by Django before its own (``FORMAT_MODULE_PATH``).

Every language writes the day first («7 دجنبر 2026», «07/12/2026»): Arabic had no date-time
format of its own, so Django fell back to the American month/day order, and English used it
outright. Spanish and French keep Django's formats, which already put the day first. The month
names themselves are translations (``committee.dates``: Moroccan names in Arabic).
"""
