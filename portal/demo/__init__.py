"""Demo data for Syd- og Sønderjyllands Politi: `load_demo()` and the demo logins."""

from .loader import DemoResult, LoginState, PlanState, load_demo
from .people import DEMO_LOGINS, DemoLogin

__all__ = ["DEMO_LOGINS", "DemoLogin", "DemoResult", "LoginState", "PlanState", "load_demo"]
