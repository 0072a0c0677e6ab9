"""The organisation tree: bloc committee → base organisation → cell."""
