"""The text event coder: English news text -> CAMEO events with evidence (see :class:`TextCoder`)."""

from .coder import TextCoder, code_text
from .evidence import CodedEvent

__all__ = ["TextCoder", "code_text", "CodedEvent"]
