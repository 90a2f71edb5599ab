"""Authentication backends for the test settings only."""

from axes.backends import AxesStandaloneBackend


class SignInThrottle(AxesStandaloneBackend):
    """django-axes' backend, except for the test client's ``login()``, which calls
    ``authenticate()`` without a request (and so from no client address to count). Every
    sign-in through a form has a request and is throttled exactly as in production."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
