"""Readers turn an input text into the document model (or, for prose, a `Story` first)."""
