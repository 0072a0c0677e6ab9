"""The organisation tree: bloc committee → base organisation → cell."""

# What other features may import (tests/test_layering.py holds everyone to it); the rest
# of the package is its own.
PUBLIC = ("models",)
