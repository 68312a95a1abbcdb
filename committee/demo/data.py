"""Demo data at scale: a committee with years of history, for benchmarks and trying the site out.

``plan(scale, seed)`` builds every row in memory — a pure function of its arguments: the same
seed gives the same rows — with foreign keys as positions in the other tables. ``load(plan)``
reserves primary keys from each table's sequence, maps the positions to them and writes each
table with one PostgreSQL ``COPY``, in one transaction. Generated columns (search vectors, the
normalised alias) are computed by PostgreSQL as the rows arrive, and every check and unique
constraint and foreign key holds as for any other write.

Demo rows are not audited one by one: the audit trail records what people and imports did to
the committee's records, and a million synthetic insert events would only bury it. ``load``
disables the audit *insert* triggers (django-pghistory's, nothing else: foreign keys, checks
and the other audit triggers stay) of the tables it fills, inside its transaction — PostgreSQL
takes those tables' exclusive lock until the commit, so no other write can slip past the audit
meanwhile — and enables them again before committing. ``audited=True`` keeps them firing.

Text is Arabic, Spanish and French (some English), the Arabic in the spellings press releases
mix: «الإرهاب» / «الارهاب», «الأمنية» / «الامنية», «الشرطة» / «الشرطه», «على» / «علي».
"""

from committee.demo.building import plan
from committee.demo.loading import load
from committee.demo.tables import REFERENCE_PREFIX, USERNAME_PREFIX, Plan

__all__ = ["REFERENCE_PREFIX", "USERNAME_PREFIX", "Plan", "load", "plan"]
