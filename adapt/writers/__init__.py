"""Writers turn a Document into an output format."""
