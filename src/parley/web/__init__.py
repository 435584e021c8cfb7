"""The pages of ``parley serve``: Jinja2 templates (autoescaped), a stylesheet, small scripts."""
