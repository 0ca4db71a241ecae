"""The pagination under long listings (the library, search results): the first and last pages
and those around the current one, not a link per page."""

import re

from django.core.paginator import Paginator
from django.template.loader import render_to_string


def page_links(number, count=1000, per_page=10):
    page_obj = Paginator(range(count), per_page).get_page(number)
    html = render_to_string("components/pagination.html", {"page_obj": page_obj})
    links = [int(n) for n in re.findall(r'<a href="\?page=(\d+)">', html)]
    current = re.search(r'aria-current="page">(\d+)<', html)
    return links, int(current.group(1)) if current else None, html


def test_a_long_listing_links_the_ends_and_the_neighbours_of_the_current_page():
    links, current, html = page_links(50)
    assert current == 50
    assert links == [1, 48, 49, 51, 52, 100]
    assert html.count("…") == 2
    assert 'rel="prev"' in html and 'rel="next"' in html


def test_the_first_and_last_pages():
    links, current, html = page_links(1)
    assert current == 1 and links[:2] == [2, 3] and links[-1] == 100
    assert 'rel="prev"' not in html
    links, current, html = page_links(100)
    assert current == 100 and links[0] == 1 and links[-2:] == [98, 99]
    assert 'rel="next"' not in html


def test_a_short_listing_links_every_page():
    links, current, _html = page_links(2, count=50)
    assert current == 2 and links == [1, 3, 4, 5]
