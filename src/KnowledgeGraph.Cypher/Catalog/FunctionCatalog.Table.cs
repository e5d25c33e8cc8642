namespace KnowledgeGraph.Cypher.Catalog;

internal static partial class FunctionCatalog
{
    /// <summary>
    /// The built-in functions as <c>SHOW FUNCTIONS</c> lists them: category, Neo4j 5 signature, description (our
    /// words). Only rows whose name the engine resolves are shown, so a function added later appears once it runs.
    /// </summary>
    private const string Table = """
        Aggregating|avg(input :: INTEGER | FLOAT | DURATION) :: INTEGER | FLOAT | DURATION|Returns the average of a set of INTEGER, FLOAT or DURATION values.
        Aggregating|collect(input :: ANY) :: LIST<ANY>|Returns a list containing the values returned by an expression.
        Aggregating|count(input :: ANY) :: INTEGER|Returns the number of values or rows.
        Aggregating|max(input :: ANY) :: ANY|Returns the maximum value in a set of values.
        Aggregating|min(input :: ANY) :: ANY|Returns the minimum value in a set of values.
        Aggregating|percentileCont(input :: FLOAT, percentile :: FLOAT) :: FLOAT|Returns the percentile of a value over a group using linear interpolation.
        Aggregating|percentileDisc(input :: INTEGER | FLOAT, percentile :: FLOAT) :: INTEGER | FLOAT|Returns the nearest INTEGER or FLOAT value to the given percentile over a group using a rounding method.
        Aggregating|stDev(input :: FLOAT) :: FLOAT|Returns the standard deviation for the given value over a group for a sample of a population.
        Aggregating|stDevP(input :: FLOAT) :: FLOAT|Returns the standard deviation for the given value over a group for an entire population.
        Aggregating|sum(input :: INTEGER | FLOAT | DURATION) :: INTEGER | FLOAT | DURATION|Returns the sum of a set of INTEGER, FLOAT or DURATION values.
        List|keys(input :: NODE | RELATIONSHIP | MAP) :: LIST<STRING>|Returns a LIST<STRING> containing the STRING representations for all the property names of a NODE, RELATIONSHIP or MAP.
        List|labels(input :: NODE) :: LIST<STRING>|Returns a LIST<STRING> containing the STRING representations for all the labels of a NODE.
        List|nodes(input :: PATH) :: LIST<NODE>|Returns a LIST<NODE> containing all the NODE values in a PATH.
        List|range(start :: INTEGER, end :: INTEGER, step = 1 :: INTEGER) :: LIST<INTEGER>|Returns a LIST<INTEGER> comprising all INTEGER values within a range bounded by a start value and an end value, with an optional step.
        List|relationships(input :: PATH) :: LIST<RELATIONSHIP>|Returns a LIST<RELATIONSHIP> containing all the RELATIONSHIP values in a PATH.
        List|reverse(input :: STRING | LIST<ANY>) :: STRING | LIST<ANY>|Returns a STRING or LIST<ANY> in which the order of all characters or elements is reversed.
        List|tail(input :: LIST<ANY>) :: LIST<ANY>|Returns all but the first element in a LIST<ANY>.
        List|toBooleanList(input :: LIST<ANY>) :: LIST<BOOLEAN>|Converts a LIST<ANY> of values to a LIST<BOOLEAN>; values that cannot be converted become null.
        List|toFloatList(input :: LIST<ANY>) :: LIST<FLOAT>|Converts a LIST<ANY> to a LIST<FLOAT>; values that cannot be converted become null.
        List|toIntegerList(input :: LIST<ANY>) :: LIST<INTEGER>|Converts a LIST<ANY> to a LIST<INTEGER>; values that cannot be converted become null.
        List|toStringList(input :: LIST<ANY>) :: LIST<STRING>|Converts a LIST<ANY> to a LIST<STRING>; values that cannot be converted become null.
        Logarithmic|e() :: FLOAT|Returns the base of the natural logarithm, e.
        Logarithmic|exp(input :: FLOAT) :: FLOAT|Returns e raised to the power of the given number.
        Logarithmic|log(input :: FLOAT) :: FLOAT|Returns the natural logarithm of a number.
        Logarithmic|log10(input :: FLOAT) :: FLOAT|Returns the common logarithm (base 10) of a number.
        Logarithmic|sqrt(input :: FLOAT) :: FLOAT|Returns the square root of a number.
        Numeric|abs(input :: INTEGER | FLOAT) :: INTEGER | FLOAT|Returns the absolute value of an INTEGER or FLOAT.
        Numeric|ceil(input :: FLOAT) :: FLOAT|Returns the smallest FLOAT that is greater than or equal to a number and equal to an INTEGER.
        Numeric|floor(input :: FLOAT) :: FLOAT|Returns the largest FLOAT that is less than or equal to a number and equal to an INTEGER.
        Numeric|isNaN(input :: INTEGER | FLOAT) :: BOOLEAN|Returns true if the floating point number is NaN.
        Numeric|rand() :: FLOAT|Returns a random FLOAT in the range from 0 (inclusive) to 1 (exclusive).
        Numeric|round(value :: FLOAT, precision = 0 :: INTEGER | FLOAT, mode = HALF_UP :: STRING) :: FLOAT|Returns the value of a number rounded to the specified precision with the specified rounding mode.
        Numeric|sign(input :: INTEGER | FLOAT) :: INTEGER|Returns the signum of an INTEGER or FLOAT: 0 if the number is 0, -1 for any negative number, and 1 for any positive number.
        Predicate|all(variable :: VARIABLE, list :: LIST<ANY>) :: BOOLEAN|Returns true if the predicate holds for all elements in the given LIST<ANY>.
        Predicate|any(variable :: VARIABLE, list :: LIST<ANY>) :: BOOLEAN|Returns true if the predicate holds for at least one element in the given LIST<ANY>.
        Predicate|exists(input :: ANY) :: BOOLEAN|Returns true if a match for the pattern exists in the graph.
        Predicate|isEmpty(input :: LIST<ANY> | MAP | STRING) :: BOOLEAN|Checks whether a LIST<ANY>, MAP or STRING is empty.
        Predicate|none(variable :: VARIABLE, list :: LIST<ANY>) :: BOOLEAN|Returns true if the predicate holds for no element in the given LIST<ANY>.
        Predicate|single(variable :: VARIABLE, list :: LIST<ANY>) :: BOOLEAN|Returns true if the predicate holds for exactly one of the elements in the given LIST<ANY>.
        Scalar|char_length(input :: STRING) :: INTEGER|Returns the number of Unicode characters in a STRING.
        Scalar|character_length(input :: STRING) :: INTEGER|Returns the number of Unicode characters in a STRING.
        Scalar|coalesce(input :: ANY) :: ANY|Returns the first non-null value in a list of expressions.
        Scalar|elementId(input :: NODE | RELATIONSHIP) :: STRING|Returns the element id of a NODE or RELATIONSHIP.
        Scalar|endNode(input :: RELATIONSHIP) :: NODE|Returns the end NODE of a RELATIONSHIP.
        Scalar|head(list :: LIST<ANY>) :: ANY|Returns the first element in a LIST<ANY>.
        Scalar|id(input :: NODE | RELATIONSHIP) :: INTEGER|Returns the id of a NODE or a RELATIONSHIP. Replaced by elementId().
        Scalar|last(list :: LIST<ANY>) :: ANY|Returns the last element in a LIST<ANY>.
        Scalar|length(input :: PATH) :: INTEGER|Returns the length of a PATH.
        Scalar|properties(input :: MAP | NODE | RELATIONSHIP) :: MAP|Returns a MAP containing all the properties of a NODE, RELATIONSHIP or MAP.
        Scalar|randomUUID() :: STRING|Generates a random UUID.
        Scalar|size(input :: STRING | LIST<ANY>) :: INTEGER|Returns the number of items in a LIST<ANY> or the number of Unicode characters in a STRING.
        Scalar|startNode(input :: RELATIONSHIP) :: NODE|Returns the start NODE of a RELATIONSHIP.
        Scalar|timestamp() :: INTEGER|Returns the difference, measured in milliseconds, between the current time and midnight, January 1, 1970 UTC.
        Scalar|toBoolean(input :: STRING | INTEGER | BOOLEAN) :: BOOLEAN|Converts a STRING, INTEGER or BOOLEAN value to a BOOLEAN value.
        Scalar|toBooleanOrNull(input :: ANY) :: BOOLEAN|Converts a value to a BOOLEAN value, or null if the value cannot be converted.
        Scalar|toFloat(input :: STRING | INTEGER | FLOAT) :: FLOAT|Converts a STRING, INTEGER or FLOAT value to a FLOAT value.
        Scalar|toFloatOrNull(input :: ANY) :: FLOAT|Converts a value to a FLOAT value, or null if the value cannot be converted.
        Scalar|toInteger(input :: STRING | INTEGER | FLOAT | BOOLEAN) :: INTEGER|Converts a STRING, INTEGER, FLOAT or BOOLEAN value to an INTEGER value.
        Scalar|toIntegerOrNull(input :: ANY) :: INTEGER|Converts a value to an INTEGER value, or null if the value cannot be converted.
        Scalar|type(input :: RELATIONSHIP) :: STRING|Returns a STRING representation of the RELATIONSHIP type.
        Scalar|valueType(input :: ANY) :: STRING|Returns a STRING representation of the most precise value type that the given expression evaluates to.
        Spatial|point(input :: MAP) :: POINT|Returns a 2D or 3D point object, given two or respectively three coordinate values in the Cartesian coordinate system or WGS 84 geographic coordinate system.
        Spatial|point.distance(from :: POINT, to :: POINT) :: FLOAT|Returns a FLOAT representing the geodesic distance between any two points in the same CRS.
        Spatial|point.withinBBox(point :: POINT, lowerLeft :: POINT, upperRight :: POINT) :: BOOLEAN|Returns true if the provided point is within the bounding box defined by the two provided points.
        String|btrim(original :: STRING, trimCharacterString :: STRING) :: STRING|Returns the given STRING with leading and trailing trimCharacterString characters removed.
        String|left(original :: STRING, length :: INTEGER) :: STRING|Returns a STRING containing the specified number of leftmost characters of the given STRING.
        String|lower(input :: STRING) :: STRING|Returns the given STRING in lowercase. This function is an alias to the toLower() function.
        String|ltrim(input :: STRING, trimCharacterString :: STRING) :: STRING|Returns the given STRING with leading trimCharacterString characters removed.
        String|replace(original :: STRING, search :: STRING, replace :: STRING) :: STRING|Returns a STRING in which all occurrences of a specified search STRING in the given STRING have been replaced by another (specified) replacement STRING.
        String|right(original :: STRING, length :: INTEGER) :: STRING|Returns a STRING containing the specified number of rightmost characters in the given STRING.
        String|rtrim(input :: STRING, trimCharacterString :: STRING) :: STRING|Returns the given STRING with trailing trimCharacterString characters removed.
        String|split(original :: STRING, splitDelimiters :: STRING | LIST<STRING>) :: LIST<STRING>|Returns a LIST<STRING> resulting from the splitting of the given STRING around matches of the given delimiter(s).
        String|substring(original :: STRING, start :: INTEGER, length :: INTEGER) :: STRING|Returns a substring of a given length from the given STRING, beginning with a 0-based index start.
        String|toLower(input :: STRING) :: STRING|Returns the given STRING in lowercase.
        String|toString(input :: ANY) :: STRING|Converts an INTEGER, FLOAT, BOOLEAN, STRING, POINT, DURATION, DATE, ZONED TIME, LOCAL TIME, LOCAL DATETIME or ZONED DATETIME value to a STRING.
        String|toStringOrNull(input :: ANY) :: STRING|Converts a value to a STRING, or null if the value cannot be converted.
        String|toUpper(input :: STRING) :: STRING|Returns the given STRING in uppercase.
        String|trim(input :: STRING) :: STRING|Returns the given STRING with leading and trailing whitespace removed.
        String|upper(input :: STRING) :: STRING|Returns the given STRING in uppercase. This function is an alias to the toUpper() function.
        Temporal|date(input = DEFAULT_TEMPORAL_ARGUMENT :: ANY) :: DATE|Creates a DATE instant.
        Temporal|date.realtime(timezone = DEFAULT_TEMPORAL_ARGUMENT :: ANY) :: DATE|Returns the current DATE instant using the realtime clock.
        Temporal|date.statement(timezone = DEFAULT_TEMPORAL_ARGUMENT :: ANY) :: DATE|Returns the current DATE instant using the statement clock.
        Temporal|date.transaction(timezone = DEFAULT_TEMPORAL_ARGUMENT :: ANY) :: DATE|Returns the current DATE instant using the transaction clock.
        Temporal|date.truncate(unit :: STRING, input = DEFAULT_TEMPORAL_ARGUMENT :: ANY, fields = null :: MAP) :: DATE|Truncates the given temporal value to a DATE instant using the specified unit.
        Temporal|datetime(input = DEFAULT_TEMPORAL_ARGUMENT :: ANY) :: ZONED DATETIME|Creates a ZONED DATETIME instant.
        Temporal|datetime.fromepoch(seconds :: INTEGER | FLOAT, nanoseconds :: INTEGER | FLOAT) :: ZONED DATETIME|Creates a ZONED DATETIME given the seconds and nanoseconds since the start of the epoch.
        Temporal|datetime.fromepochmillis(milliseconds :: INTEGER | FLOAT) :: ZONED DATETIME|Creates a ZONED DATETIME given the milliseconds since the start of the epoch.
        Temporal|datetime.realtime(timezone = DEFAULT_TEMPORAL_ARGUMENT :: ANY) :: ZONED DATETIME|Returns the current ZONED DATETIME instant using the realtime clock.
        Temporal|datetime.statement(timezone = DEFAULT_TEMPORAL_ARGUMENT :: ANY) :: ZONED DATETIME|Returns the current ZONED DATETIME instant using the statement clock.
        Temporal|datetime.transaction(timezone = DEFAULT_TEMPORAL_ARGUMENT :: ANY) :: ZONED DATETIME|Returns the current ZONED DATETIME instant using the transaction clock.
        Temporal|datetime.truncate(unit :: STRING, input = DEFAULT_TEMPORAL_ARGUMENT :: ANY, fields = null :: MAP) :: ZONED DATETIME|Truncates the given temporal value to a ZONED DATETIME instant using the specified unit.
        Temporal|localdatetime(input = DEFAULT_TEMPORAL_ARGUMENT :: ANY) :: LOCAL DATETIME|Creates a LOCAL DATETIME instant.
        Temporal|localdatetime.realtime(timezone = DEFAULT_TEMPORAL_ARGUMENT :: ANY) :: LOCAL DATETIME|Returns the current LOCAL DATETIME instant using the realtime clock.
        Temporal|localdatetime.statement(timezone = DEFAULT_TEMPORAL_ARGUMENT :: ANY) :: LOCAL DATETIME|Returns the current LOCAL DATETIME instant using the statement clock.
        Temporal|localdatetime.transaction(timezone = DEFAULT_TEMPORAL_ARGUMENT :: ANY) :: LOCAL DATETIME|Returns the current LOCAL DATETIME instant using the transaction clock.
        Temporal|localdatetime.truncate(unit :: STRING, input = DEFAULT_TEMPORAL_ARGUMENT :: ANY, fields = null :: MAP) :: LOCAL DATETIME|Truncates the given temporal value to a LOCAL DATETIME instant using the specified unit.
        Temporal|localtime(input = DEFAULT_TEMPORAL_ARGUMENT :: ANY) :: LOCAL TIME|Creates a LOCAL TIME instant.
        Temporal|localtime.realtime(timezone = DEFAULT_TEMPORAL_ARGUMENT :: ANY) :: LOCAL TIME|Returns the current LOCAL TIME instant using the realtime clock.
        Temporal|localtime.statement(timezone = DEFAULT_TEMPORAL_ARGUMENT :: ANY) :: LOCAL TIME|Returns the current LOCAL TIME instant using the statement clock.
        Temporal|localtime.transaction(timezone = DEFAULT_TEMPORAL_ARGUMENT :: ANY) :: LOCAL TIME|Returns the current LOCAL TIME instant using the transaction clock.
        Temporal|localtime.truncate(unit :: STRING, input = DEFAULT_TEMPORAL_ARGUMENT :: ANY, fields = null :: MAP) :: LOCAL TIME|Truncates the given temporal value to a LOCAL TIME instant using the specified unit.
        Temporal|time(input = DEFAULT_TEMPORAL_ARGUMENT :: ANY) :: ZONED TIME|Creates a ZONED TIME instant.
        Temporal|time.realtime(timezone = DEFAULT_TEMPORAL_ARGUMENT :: ANY) :: ZONED TIME|Returns the current ZONED TIME instant using the realtime clock.
        Temporal|time.statement(timezone = DEFAULT_TEMPORAL_ARGUMENT :: ANY) :: ZONED TIME|Returns the current ZONED TIME instant using the statement clock.
        Temporal|time.transaction(timezone = DEFAULT_TEMPORAL_ARGUMENT :: ANY) :: ZONED TIME|Returns the current ZONED TIME instant using the transaction clock.
        Temporal|time.truncate(unit :: STRING, input = DEFAULT_TEMPORAL_ARGUMENT :: ANY, fields = null :: MAP) :: ZONED TIME|Truncates the given temporal value to a ZONED TIME instant using the specified unit.
        Temporal|duration(input :: ANY) :: DURATION|Creates a DURATION value.
        Temporal|duration.between(from :: ANY, to :: ANY) :: DURATION|Computes the DURATION between the from instant (inclusive) and the to instant (exclusive) in logical units.
        Temporal|duration.inDays(from :: ANY, to :: ANY) :: DURATION|Computes the DURATION between the from instant (inclusive) and the to instant (exclusive) in days.
        Temporal|duration.inMonths(from :: ANY, to :: ANY) :: DURATION|Computes the DURATION between the from instant (inclusive) and the to instant (exclusive) in months.
        Temporal|duration.inSeconds(from :: ANY, to :: ANY) :: DURATION|Computes the DURATION between the from instant (inclusive) and the to instant (exclusive) in seconds.
        Trigonometric|acos(input :: FLOAT) :: FLOAT|Returns the arccosine of a FLOAT.
        Trigonometric|asin(input :: FLOAT) :: FLOAT|Returns the arcsine of a FLOAT.
        Trigonometric|atan(input :: FLOAT) :: FLOAT|Returns the arctangent of a FLOAT.
        Trigonometric|atan2(y :: FLOAT, x :: FLOAT) :: FLOAT|Returns the arctangent2 of a set of coordinates in radians.
        Trigonometric|cos(input :: FLOAT) :: FLOAT|Returns the cosine of a FLOAT.
        Trigonometric|cot(input :: FLOAT) :: FLOAT|Returns the cotangent of a FLOAT.
        Trigonometric|degrees(input :: FLOAT) :: FLOAT|Converts radians to degrees.
        Trigonometric|haversin(input :: FLOAT) :: FLOAT|Returns half the versine of a number.
        Trigonometric|pi() :: FLOAT|Returns the mathematical constant pi.
        Trigonometric|radians(input :: FLOAT) :: FLOAT|Converts degrees to radians.
        Trigonometric|sin(input :: FLOAT) :: FLOAT|Returns the sine of a FLOAT.
        Trigonometric|tan(input :: FLOAT) :: FLOAT|Returns the tangent of a FLOAT.
        """;
}
