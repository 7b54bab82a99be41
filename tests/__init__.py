"""The test suite: unit, integration, end-to-end (browser) and security tests."""
