"""Following a plan or a lokalråd by e-mail: subscribe forms under the district, and the links
of the mails. Mounted before `public`, whose district slug is a catch-all first segment."""

from django.urls import path

from ..views import follow as views

app_name = "follow"

urlpatterns = [
    path("foelg/bekraeft/<str:token>/", views.confirm, name="confirm"),
    path("foelg/afmeld/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("<slug:district>/foelg/", views.follow_district, name="district"),
    path(
        "<slug:district>/lokalraad/<slug:council>/foelg/",
        views.follow_council,
        name="council",
    ),
]
