"""Datasets: synthetic corpus, loaders for users' data, and the prompt format."""
