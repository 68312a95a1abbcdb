"""The secretariat's article upload: a file or pasted text, checked before anything is extracted."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from committee.bilateral import Visibility
from committee.importer.reading import MAX_BYTES, Article, ArticleRefused, decode_article
from committee.sources.addresses import WebAddressFormField
from committee.sources.models import text_digest

SIGNING_SALT = "committee.sources.import-preview"


class ArticleUploadForm(forms.Form):
    file = forms.FileField(
        label=_("article file"),
        required=False,
        help_text=_("UTF-8 or Windows-1256 text, at most 2 MB."),
    )
    text = forms.CharField(
        label=_("or paste the article"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "dir": "auto"}),
    )
    published = forms.DateField(
        label=_("published on"),
        required=False,
        help_text=_("Resolves «today», «last year»… in the text. YYYY-MM-DD."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    url = WebAddressFormField(label=_("address"), required=False, max_length=500)
    visibility = forms.ChoiceField(
        label=_("visibility"), choices=Visibility.choices, initial=Visibility.PUBLIC
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        upload, text = cleaned.get("file"), (cleaned.get("text") or "").strip()
        if bool(upload) == bool(text):
            raise forms.ValidationError(
                _("Give a file or paste the text: one of the two, not both.")
            )
        try:
            if upload:
                if upload.size > MAX_BYTES:
                    raise ArticleRefused(_("The file is larger than 2 MB."))
                cleaned["article"] = decode_article(upload.read(), file_name=upload.name)
            else:
                cleaned["article"] = decode_article(text.encode("utf-8"), file_name="")
        except ArticleRefused as refusal:
            raise forms.ValidationError(str(refusal)) from None
        return cleaned


class ArticleConfirmForm(forms.Form):
    """The previewed article, sent back to be saved; the signature proves it was not altered."""

    text = forms.CharField(widget=forms.HiddenInput, strip=False)
    file_name = forms.CharField(widget=forms.HiddenInput, required=False)
    signature = forms.CharField(widget=forms.HiddenInput)
    published = forms.DateField(widget=forms.HiddenInput, required=False)
    url = WebAddressFormField(widget=forms.HiddenInput, required=False, max_length=500)
    visibility = forms.ChoiceField(widget=forms.HiddenInput, choices=Visibility.choices)

    @classmethod
    def for_article(cls, article: Article, **values: Any) -> ArticleConfirmForm:
        signature = signing.dumps(text_digest(article.text), salt=SIGNING_SALT)
        return cls(
            initial={
                "text": article.text,
                "file_name": article.file_name,
                "signature": signature,
                **values,
            }
        )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        try:
            digest = signing.loads(cleaned.get("signature", ""), salt=SIGNING_SALT, max_age=3600)
        except signing.BadSignature:
            raise forms.ValidationError(
                _("This preview has expired or was altered; upload the article again.")
            ) from None
        # Browsers send every line break of a form field as CRLF: an article with LF breaks
        # comes back with CRLF ones, and is the previewed one if it matches once they are undone.
        received = cleaned.get("text", "")
        text = next(
            (
                candidate
                for candidate in (received, received.replace("\r\n", "\n"))
                if text_digest(candidate) == digest
            ),
            None,
        )
        if text is None:
            raise forms.ValidationError(
                _("The article changed since the preview; upload it again.")
            )
        cleaned["article"] = Article(
            text=text, encoding="utf-8", file_name=cleaned.get("file_name", "")
        )
        return cleaned
