"""Account pages that are not allauth's own."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.views.decorators.http import require_safe


@login_not_required
@require_safe
def admin_login(request: HttpRequest) -> HttpResponseRedirect:
    """The admin has no login of its own: the members' login (password and second factor)."""
    next_url = request.GET.get("next") or reverse("admin:index")
    return HttpResponseRedirect(f"{reverse('login')}?{urlencode({'next': next_url})}")
