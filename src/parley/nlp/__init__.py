"""Language pipelines: one per language, behind the Analysis interface of ``base``."""

import os

# The language models compute with BLAS. One thread per process keeps a busy machine, or several
# worker processes, from oversubscribing the cores (natasha slows down several-fold otherwise).
# This must happen before numpy is first imported; an explicit setting in the environment wins.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
