"""Forms of the members' area. Each declares its fields; nothing else posted is read."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from committee.languages import Language
from committee.people.models import User
from committee.recommendations.models import Completion, Recommendation, Status
from committee.recommendations.services import allowed_targets, allowed_visibilities
from committee.uploads import MAX_EVIDENCE_FILES, CheckedFile, check_upload

MAX_TEXT = 20_000


#: The levels a delegation may propose. Shown on a recommendation, ``none`` means no level is
#: agreed yet («Not yet assessed»); proposed, it says that nothing has been done so far.
PROPOSABLE_COMPLETIONS = [
    (Completion.NONE.value, pgettext_lazy("proposed completion", "Nothing done yet")),
    *((value, label) for value, label in Completion.choices if value != Completion.NONE),
]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class EvidenceField(forms.FileField):
    """Several files, each checked by size, extension and content."""

    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[CheckedFile]:
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > MAX_EVIDENCE_FILES:
            raise ValidationError(
                _("At most %(n)d files per update.") % {"n": MAX_EVIDENCE_FILES}, code="count"
            )
        checked, errors = [], []
        for upload in files:
            try:
                checked.append(check_upload(super().clean(upload, initial)))
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        return checked


class ProgressForm(forms.Form):
    as_of = forms.DateField(
        label=_("Situation as of"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    language = forms.ChoiceField(label=_("Written in"), choices=Language.choices)
    narrative = forms.CharField(
        label=_("What has been done"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 8, "dir": "auto"}),
    )
    proposed_completion = forms.ChoiceField(
        label=_("Completion you propose"),
        choices=[("", _("No change proposed")), *PROPOSABLE_COMPLETIONS],
        required=False,
    )
    visibility = forms.ChoiceField(label=_("Who may read it"))
    evidence = EvidenceField(
        label=_("Evidence files"),
        required=False,
        help_text=_("Up to 5 files of 10 MB: PDF, images, Word, Excel, OpenDocument or text."),
    )
    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["visibility"].choices = [  # type: ignore[attr-defined]
            (level.value, level.label) for level in allowed_visibilities(user)
        ]
        self.fields["language"].initial = user.preferred_language
        self.fields["visibility"].initial = "committee"
        self.fields["as_of"].initial = timezone.localdate()

    def clean_as_of(self) -> Any:
        as_of = self.cleaned_data["as_of"]
        if as_of > timezone.localdate():
            raise ValidationError(_("The date cannot be in the future."))
        return as_of


class StatusProposalForm(forms.Form):
    to_status = forms.ChoiceField(label=_("New status"))
    completion = forms.ChoiceField(
        label=_("Completion"),
        choices=[("", _("Unchanged")), *PROPOSABLE_COMPLETIONS],
        required=False,
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
        help_text=_("Required when it was not implemented."),
    )
    superseded_by = forms.CharField(
        label=_("Superseded by (reference)"),
        required=False,
        max_length=40,
        help_text=_("Only when it is superseded, e.g. SEM3-2015-R02."),
    )
    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, recommendation: Recommendation, user: User, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.user = user
        self.recommendation = recommendation
        self.fields["to_status"].choices = [  # type: ignore[attr-defined]
            (status.value, Status(status).label)
            for status in allowed_targets(recommendation.status)
        ]
        self.fields["seen_version"].initial = recommendation.version

    def clean_superseded_by(self) -> Recommendation | None:
        reference = self.cleaned_data.get("superseded_by", "").strip()
        if not reference:
            return None
        found = Recommendation.objects.visible_to(self.user).filter(reference=reference).first()
        if found is None:
            raise ValidationError(_("No recommendation has this reference."))
        return found


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
    )


class OptionalReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (optional)"),
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
    )
