"""adapt: turn prose fiction into a first-draft screenplay."""
__version__ = "0.1.0"
