"""The public pages every accessibility and validity check covers, and form helpers."""

ARTICLE_URL = "/blog/muscle-spasm-and-back-pain/"
CONTACT_URL = "/contact/"
NOT_FOUND_URL = "/no-such-page/"

# (name, path): names appear in failure messages and in the validator's file names.
PUBLIC_PAGES = [
    ("home", "/"),
    ("blog-index", "/blog/"),
    ("article", ARTICLE_URL),
    ("contact", CONTACT_URL),
    ("search-results", "/search/?q=back"),
    ("search-no-results", "/search/?q=zzzznotfound"),
    ("about", "/about/"),
    ("not-found", NOT_FOUND_URL),
]

NAME_LABEL = "Full name"
PHONE_LABEL = "Phone number"
EMAIL_LABEL = "Email address"
METHOD_LEGEND = "Preferred contact method"
SERVICE_LABEL = "Service"
MESSAGE_LABEL = "How can we help?"
CONSENT_LABEL_START = "I agree"
