"""One QgsProcessingAlgorithm per file."""
