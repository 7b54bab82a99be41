"""Benchmarks run by `make bench`; each prints `name: value unit (ratio x baseline)`."""
