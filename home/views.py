"""Small views of the site that are not Wagtail pages."""

from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from home.health import health_report


@never_cache
def health(request):
    """For the load balancer and monitoring: 200 when the database answers, else 503.

    The body says how old the oldest waiting task is, so monitoring sees stopped workers too;
    that alone never makes the site unhealthy (readers are still served).
    """
    healthy, report = health_report()
    return JsonResponse(report, status=200 if healthy else 503)
