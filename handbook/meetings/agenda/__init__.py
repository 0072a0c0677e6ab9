"""The agenda: planned from a ready-made structure (standard.py), built item by item with linked
library sections (service.py, editor.py, sections.py), published to the cell's members, changed
afterwards as versions they are told of, or cancelled."""
