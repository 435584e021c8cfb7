"""The knowledge base: documents, their facts, and the meetings, people, agreements and
statements consolidated from them (see docs/knowledge-base.md)."""
