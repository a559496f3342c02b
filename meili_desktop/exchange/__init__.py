"""Package exchange: format, keys, signing, encryption and the import pipeline."""
