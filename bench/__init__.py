"""Speed figures for the site, measured in headless Chromium (`python -m bench`). Not tests: they
print medians and ratios against a baseline measured in the same run."""
