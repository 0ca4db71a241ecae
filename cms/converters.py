"""Path converters of our own (registered in ``cms.urls``)."""


class RowIdConverter:
    """``<id:name>``: a row's id, an integer every database holds (PostgreSQL's ``integer``).

    Django's ``<int:…>`` takes any number of digits, and a number beyond what the database holds
    fails in the query (a 500 on SQLite); a larger one is simply no such page here (404).
    """

    regex = "[0-9]{1,10}"
    maximum = 2_147_483_647

    def to_python(self, value):
        number = int(value)
        if number > self.maximum:
            raise ValueError("beyond any row id")
        return number

    def to_url(self, value):
        return str(value)
