"""Spam defence without third parties: honeypot, signed minimum fill time, link and size limits,
and a per-address rate limit through the cache. Suspected spam is quarantined, never dropped."""

import logging
import re
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.crypto import salted_hmac

from cms.http import client_address

from .forms import TOKEN_FIELD, read_token

logger = logging.getLogger(__name__)
LINK = re.compile(r"(https?://|www\.)", re.I)


@dataclass(frozen=True)
class Verdict:
    is_spam: bool
    reason: str = ""


def assess(form, request=None) -> Verdict:
    """Decide whether a valid enquiry looks automated. Called after validation."""
    if form.honeypot_filled:
        return Verdict(True, "honeypot filled")
    token = form.cleaned_data.get(TOKEN_FIELD) or ""
    if not token:
        return Verdict(True, "no form token")
    try:
        _id, age = read_token(token, max_age=settings.CONTACT_TOKEN_MAX_AGE)
    except signing.SignatureExpired:
        return Verdict(True, "form token expired")
    except signing.BadSignature:
        return Verdict(True, "form token forged")
    if age < -5:  # more than clock skew in the future
        return Verdict(True, "form token from the future")
    if age < settings.CONTACT_MIN_FILL_SECONDS:
        return Verdict(True, f"sent {age:.1f}s after the form was shown")
    links = sum(len(LINK.findall(str(value))) for value in form.submitted_data.values() if value)
    if links > settings.CONTACT_MAX_LINKS:
        return Verdict(True, f"{links} links")
    return Verdict(False)


def rate_limited(request) -> bool:
    """True once an address has posted more than the allowed number of enquiries in the
    window. Counts through the cache (Redis in production); if the cache is down, it fails
    open, so a cache outage never blocks genuine visitors."""
    # Keyed with SECRET_KEY: a plain hash of an IPv4 address is reversed by hashing them all.
    address = salted_hmac("contact.rate", client_address(request), algorithm="sha256")
    address = address.hexdigest()[:32]
    for limit, window in settings.CONTACT_RATE_LIMITS:
        key = f"contact-rate:{window}:{address}"
        try:
            cache.add(key, 0, timeout=window)
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=window)
            count = 1
        except Exception:
            logger.warning("Rate-limit cache unavailable; allowing the post", exc_info=True)
            return False
        if count is None:  # django-redis with IGNORE_EXCEPTIONS swallowed an outage
            return False
        if count > limit:
            logger.warning("Enquiry rate limit hit (%s in %ss)", limit, window)
            return True
    return False
