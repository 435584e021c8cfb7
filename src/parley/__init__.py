"""Parley: a verified, queryable record of intergovernmental security meetings, built from reports."""

__version__ = "0.1.0"
