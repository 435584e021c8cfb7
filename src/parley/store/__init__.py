"""The knowledge base: documents, their facts, and the meetings, people, agreements and
statements consolidated from them (see the "Knowledge base" section of the README)."""
