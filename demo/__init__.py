"""Demo and benchmark data, apart from the portal itself: the demo district's plan and logins
(`demo.loader.load_demo`, `demo.people.DEMO_LOGINS`; `manage.py load_demo`) and national-scale
data for benchmarks (`demo.national_data`; `manage.py generate_national_data`)."""
