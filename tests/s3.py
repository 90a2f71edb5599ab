"""A local S3-compatible server (moto in server mode) on 127.0.0.1, for the object-storage
test and the production smoke test: nothing reaches the internet.

moto keeps everything in memory and checks no signature, which is all these tests need:
that Openly writes, reads, deletes and links objects the way an S3 service expects.
"""

import contextlib
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

from tests.varnish import free_port, stop, wait_for_port

# The bucket policy README asks operators to set: anyone may read renditions, nothing else.
POLICY = Path(__file__).resolve().parents[1] / "deploy/object-storage/public-renditions-policy.json"
POLICY_BUCKET = "openly-media"

ACCESS_KEY = "openly-test-access"
SECRET_KEY = "openly-test-secret"  # noqa: S105 - moto accepts any key
REGION = "us-east-1"


def moto_installed():
    return importlib.util.find_spec("moto") is not None


@contextlib.contextmanager
def running_moto(log=None):
    """moto_server on a free 127.0.0.1 port; yields its endpoint URL."""
    port = free_port()
    env = {
        **os.environ,
        "AWS_ACCESS_KEY_ID": ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
        "AWS_DEFAULT_REGION": REGION,
    }
    process = subprocess.Popen(  # noqa: S603 - a fixed command line
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=log or subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
        env=env,
    )
    try:
        wait_for_port(port, process, "moto_server")
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process)


def client(endpoint_url):
    """A boto3 S3 client for the local server."""
    import boto3  # imported here: only the object-storage tests need it

    return boto3.client(
        "s3",
        endpoint_url=endpoint_url,
        region_name=REGION,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
    )


def create_bucket(endpoint_url, bucket):
    """``bucket`` on the server, with the policy operators are told to set."""
    s3 = client(endpoint_url)
    s3.create_bucket(Bucket=bucket)
    policy = POLICY.read_text().replace(f":::{POLICY_BUCKET}/", f":::{bucket}/")
    s3.put_bucket_policy(Bucket=bucket, Policy=policy)


def keys(endpoint_url, bucket):
    """Every object name in ``bucket``."""
    pages = client(endpoint_url).get_paginator("list_objects_v2").paginate(Bucket=bucket)
    return {item["Key"] for page in pages for item in page.get("Contents", [])}


def environment(endpoint_url, bucket):
    """What an operator would set to keep Openly's media in ``bucket`` on that server."""
    return {
        "AWS_STORAGE_BUCKET_NAME": bucket,
        "AWS_S3_ENDPOINT_URL": endpoint_url,
        "AWS_S3_REGION_NAME": REGION,
        "AWS_ACCESS_KEY_ID": ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
    }
