"""Feature functions: small, pure comparisons of one aspect of two prepared entities.

Each returns a value in [0, 1] (a similarity) or a signed adjustment, plus the
query and candidate values behind it so that the explanation can name them.
"""
