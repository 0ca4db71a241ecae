"""Admin integration (Wagtail hooks) of this part of the learner side; imported by
``learning/wagtail_hooks.py``."""
