"""Benchmarks of the product against bare baselines measured in the same run."""
