"""The server (``parley serve``): the app that puts the JSON API (``parley.api``) and the pages
(``parley.web``) together (``parley.server.app.create_app``), and what both need from HTTP: a
connection per request, tokens and sign-in, limits on bodies and concurrent work, ETags, the
API's request and response models."""
