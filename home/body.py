"""A page body rendered in segments, so the fragment cache can keep what every visitor sees.

A contact form carries the visitor's own CSRF token, so it is rendered for each visitor; the
blocks between forms are the same for everyone and come from the fragment cache
(``{% pagefragment %}``, see ``templates/includes/body.html``). Segments are read from the raw
data, so nothing is loaded for the runs that come from the cache.
"""

from functools import cached_property, partial

from .blocks import heading_anchors


class SegmentedBodyMixin:
    """For page types with a ``body`` StreamField built from ArticleStreamBlock."""

    # Blocks rendered for each visitor: a form carries the visitor's own CSRF token.
    per_visitor_blocks = frozenset({"contact_form"})

    @cached_property
    def body_segments(self) -> list[dict]:
        """The body in runs: each contact form on its own, the blocks between them together
        (one fragment each). ``blocks`` loads a run's blocks when the template asks for them."""
        segments: list[dict] = []
        for position, block in enumerate(self.body.raw_data):
            per_visitor = block["type"] in self.per_visitor_blocks
            if per_visitor or not segments or segments[-1]["per_visitor"]:
                segments.append(
                    {"per_visitor": per_visitor, "start": position, "end": position + 1}
                )
            else:
                segments[-1]["end"] = position + 1
        for segment in segments:
            segment["blocks"] = partial(self.body_blocks, segment["start"], segment["end"])
        return segments

    @property
    def has_per_visitor_blocks(self) -> bool:
        """Whether any part of the body is rendered for each visitor (a contact form)."""
        return any(segment["per_visitor"] for segment in self.body_segments)

    def body_blocks(self, start: int, end: int) -> list:
        return [self.body[position] for position in range(start, end)]

    @cached_property
    def heading_anchors(self) -> dict:
        """Unique anchors for the body's headings, over the whole body (not per segment)."""
        return heading_anchors(self.body)
