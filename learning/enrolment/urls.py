"""Public URLs of applying and of learner accounts, under each language's prefix; each path is
translated (``/es/cuenta/entrar/``, ``/en/account/sign-in/``, ``/pt-br/conta/entrar/``…)."""

from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from . import views

urlpatterns = [
    path(format_lazy("{}<id:course_id>/", _("apply/")), views.apply, name="apply"),
    path(
        format_lazy("{}<id:course_id>/{}", _("apply/"), _("sent/")),
        views.application_sent,
        name="application_sent",
    ),
    path(_("privacy/"), views.privacy, name="privacy"),
    path(_("account/"), views.account, name="account"),
    path(_("account/sign-in/"), views.LoginView.as_view(), name="login"),
    path(_("account/sign-out/"), views.LogoutView.as_view(), name="logout"),
    path(_("account/password/"), views.PasswordResetView.as_view(), name="password_reset"),
    path(
        _("account/password/sent/"),
        views.PasswordResetSentView.as_view(),
        name="password_reset_sent",
    ),
    path(
        format_lazy("{}<uidb64>/<token>/", _("account/password/")),
        views.SetPasswordView.as_view(),
        name="set_password",
    ),
    path(_("account/password/done/"), views.PasswordSetView.as_view(), name="password_set"),
    path(_("account/my-data/"), views.download_data, name="download_data"),
    path(_("account/erase/"), views.erase, name="erase"),
    path(_("account/erased/"), views.erased, name="erased"),
]
