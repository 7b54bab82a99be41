"""The demo site for development machines: content, accounts, trainings, synthetic data at scale."""
