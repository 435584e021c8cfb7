"""The JSON API's routers, one module per resource; thin adapters over ``parley.store.read``.
The app that serves them is ``parley.server``."""
