"""The stamp of the data: what a cached page was made from (see ``committee.web.stamp``)."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class DataStamp(models.Model):
    """One row whose ``stamp`` changes, in the same transaction, with every committed write.

    Database triggers set it (``committee.web.stamp``); nothing in Python writes it.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)
    stamp = models.UUIDField(default=uuid.uuid4, editable=False)
    changed_at = models.DateTimeField(auto_now_add=True, editable=False)

    class Meta:
        verbose_name = _("data stamp")
        constraints = [models.CheckConstraint(condition=models.Q(id=1), name="one_data_stamp")]

    def __str__(self) -> str:
        return str(self.stamp)
