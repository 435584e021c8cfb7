"""How ``parley extract`` and ``parley ingest`` run: in this process (``local``, the default) or
partitioned across Dask workers (``dask``). Either engine turns input paths into a stream of
extraction records with their original text (``parley.store.ingest.Incoming``) and failures,
which the one writer (the extract command's files, or ``parley.store.ingest.ingest``) consumes."""
