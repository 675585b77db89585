"""nntui's benchmarks: ``python -m benchmarks`` (see benchmarks/run.py and README.md)."""
