#!/usr/bin/env python3
"""Independent test vectors for @yuantou/signers, computed with Python's standard library.

Run from packages/signers: `pnpm vectors` (writes src/__fixtures__/signers.vectors.json).
Nothing here shares code with the TypeScript signers: hashing is hashlib/hmac, encoding is urllib.
"""
import hashlib
import hmac
import json
import sys
import urllib.parse

OFFER_QUERY_PARAM = json.dumps(
    {"keyword": "玩具厂", "beginPage": 1, "pageSize": 20, "country": "en",
     "filter": "shipIn24Hours,certifiedFactory", "sort": "{\"price\":\"asc\"}",
     "priceStart": "1.5", "priceEnd": "30"},
    ensure_ascii=False, separators=(",", ":"),
)

PARAM_SETS = {
    "chinese-keyword": {"q": "玩具厂", "page": "1", "page_size": "20", "api_name": "item_search_seller", "key": "demo-key"},
    "space-in-keyword": {"q": "丝绸 连衣裙", "city": "浙江 杭州", "sort": "credit", "key": "k1"},
    "reserved-characters": {"q": "a&b=c+d/e", "cat": "T恤*定制~(新款)!'", "key": "k2"},
    "mixed-case-keys": {"Zeta": "1", "alpha": "2", "Alpha": "3", "beta": "B", "_aop_timestamp": "1700000000000"},
    "numbers": {"page": "3", "pageSize": "50", "priceStart": "9.99", "beginPage": "0"},
    "offer-query-param": {"offerQueryParam": OFFER_QUERY_PARAM, "access_token": "tok-123", "_aop_timestamp": "1763892000000"},
}

SECRETS = ["test123", "s3cr3t-秘密-KEY", "0123456789abcdef0123456789abcdef"]


def aop(url_path, params, secret):
    # The platform is Java: strings compare by UTF-16 code units, which UTF-16-BE byte order reproduces.
    pieces = sorted((k + v for k, v in params.items() if k != "_aop_signature"), key=lambda s: s.encode("utf-16-be"))
    to_sign = url_path + "".join(pieces)
    sig = hmac.new(secret.encode("utf-8"), to_sign.encode("utf-8"), hashlib.sha1).hexdigest().upper()
    return sig, to_sign


def onebound(params, secret):
    to_sign = urllib.parse.urlencode(sorted((k, v) for k, v in params.items() if k != "sign"))
    return hashlib.md5((to_sign + secret).encode("utf-8")).hexdigest().upper(), to_sign


def dajisaas(params, secret):
    to_sign = "".join(f"{k}={v}&" for k, v in sorted(params.items(), key=lambda kv: kv[0].encode("utf-16-be")) if k != "sign" and v is not None) + "secret="
    return hashlib.md5((to_sign + secret).encode("utf-8")).hexdigest().upper(), to_sign


def main():
    out = {"aop": [], "md5SortedQuery": [], "md5SecretSuffix": [], "pandapon": []}
    # The platform's own published example.
    sig, sts = aop("param2/1/system/currentTime/1000000", {"b": "2", "a": "1"}, "test123")
    out["aop"].append({"name": "published-example", "urlPath": "param2/1/system/currentTime/1000000",
                       "params": {"b": "2", "a": "1"}, "secret": "test123", "signature": sig, "stringToSign": sts})
    url_paths = ["param2/1/com.alibaba.fenxiao.crossborder/product.search.keywordQuery/1234567",
                 "param2/1/com.alibaba.fenxiao.crossborder/product.search.imageQuery/7654321"]
    for i, (name, params) in enumerate(PARAM_SETS.items()):
        secret = SECRETS[i % len(SECRETS)]
        url_path = url_paths[i % len(url_paths)]
        sig, sts = aop(url_path, params, secret)
        out["aop"].append({"name": name, "urlPath": url_path, "params": params, "secret": secret, "signature": sig, "stringToSign": sts})
        sig, sts = onebound(params, secret)
        out["md5SortedQuery"].append({"name": name, "params": params, "secret": secret, "signature": sig, "stringToSign": sts})
        sig, sts = dajisaas(params, secret)
        out["md5SecretSuffix"].append({"name": name, "params": params, "secret": secret, "signature": sig, "stringToSign": sts})
    # DajiSaaS drops null values; JSON null stands for them.
    nullable = {"keyword": "T恤", "appKey": "ak", "categoryId": None, "sign": "STALE"}
    sig, sts = dajisaas(nullable, "s")
    out["md5SecretSuffix"].append({"name": "null-and-sign-dropped", "params": nullable, "secret": "s", "signature": sig, "stringToSign": sts})
    for access_key, ts, nonce, secret in [
        ("58c0201dfdf148eca63cbf6bb5e7cf03", "1715669977082", "abcdefghijklmnopqrstuvwxyz012345", "panda-secret"),
        ("AK-2", "1763892000000", "ZYXWVUTSRQPONMLKJIHGFEDCBA987654", "秘密"),
    ]:
        sig, sts = dajisaas({"access-key": access_key, "timestamp": ts, "nonce-str": nonce}, secret)
        out["pandapon"].append({"accessKey": access_key, "timestamp": ts, "nonce": nonce, "secret": secret, "signature": sig, "stringToSign": sts})
    json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
