"""The pages of the workspace, one per module."""
