"""Video embeds: YouTube and Vimeo only, the players the Content-Security-Policy lets in
(``frame-src``); other providers' embeds load scripts it would block. The provider's markup is
made valid HTML (no obsolete iframe attributes) once, when Wagtail fetches and stores it."""

import re

from wagtail.embeds.finders.oembed import OEmbedFinder

OBSOLETE_IFRAME_ATTRIBUTES = re.compile(
    r"""\s(?:frameborder|scrolling|allowtransparency|marginwidth|marginheight)"""
    r"""(?:=(?:"[^"]*"|'[^']*'|[^\s>]+))?""",
    re.IGNORECASE,
)


def clean_embed_html(html: str) -> str:
    """The provider's iframe without the attributes the HTML standard made obsolete (YouTube
    and Vimeo still send ``frameborder``); the stylesheet gives the frame its shape."""
    return OBSOLETE_IFRAME_ATTRIBUTES.sub("", html)


class VideoFinder(OEmbedFinder):
    """Wagtail's oEmbed finder (for the providers named in WAGTAILEMBEDS_FINDERS), storing
    valid markup."""

    def find_embed(self, url, max_width=None, max_height=None):
        embed = super().find_embed(url, max_width=max_width, max_height=max_height)
        embed["html"] = clean_embed_html(embed.get("html") or "")
        return embed
