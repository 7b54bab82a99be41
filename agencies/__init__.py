"""The register of recruitment agencies and the public check "Is this agency licensed?"."""
