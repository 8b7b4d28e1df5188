"""The plans app's views, one module per audience: `public` (citizens, no sign-in), `members`
(signed-in lokalråd members, /mit-lokalraad/), `rounds` (the secretariat's reporting rounds) and
`pdf` (the downloads). Each has its URL module of the same name in `plans/urls/`."""
