/*
 * The subset of CQL2 text (OGC 21-065r2, Annex A BNF) that SaferMap's items filter supports:
 * booleanExpression with AND/OR/NOT and parentheses, binaryComparisonPredicate, isInListPredicate,
 * isBetweenPredicate and S_INTERSECTS against a BBOX literal. Keywords are case-insensitive as in
 * the BNF; anything else is a syntax error reported with its position.
 */
grammar Cql2;

filter : booleanExpression EOF ;

booleanExpression
    : NOT booleanExpression                     # Not
    | booleanExpression AND booleanExpression   # And
    | booleanExpression OR booleanExpression    # Or
    | '(' booleanExpression ')'                 # Parens
    | predicate                                 # Pred
    ;

predicate
    : left=scalar op=('=' | '<>' | '<' | '<=' | '>' | '>=') right=scalar   # Comparison
    | propertyName NOT? IN '(' scalar (',' scalar)* ')'                  # InList
    | propertyName NOT? BETWEEN low=scalar AND high=scalar               # Between
    | S_INTERSECTS '(' propertyName ',' bbox ')'                         # Intersects
    ;

scalar : propertyName | STRING | NUMBER ;

propertyName : IDENTIFIER | QUOTED_IDENTIFIER ;

bbox : BBOX '(' NUMBER ',' NUMBER ',' NUMBER ',' NUMBER ')' ;

AND : [aA][nN][dD] ;
OR : [oO][rR] ;
NOT : [nN][oO][tT] ;
IN : [iI][nN] ;
BETWEEN : [bB][eE][tT][wW][eE][eE][nN] ;
S_INTERSECTS : [sS] '_' [iI][nN][tT][eE][rR][sS][eE][cC][tT][sS] ;
BBOX : [bB][bB][oO][xX] ;

NUMBER : '-'? [0-9]+ ('.' [0-9]+)? ([eE] [+-]? [0-9]+)? ;
STRING : '\'' ( ~'\'' | '\'\'' )* '\'' ;
IDENTIFIER : [a-zA-Z_] [a-zA-Z0-9_:.]* ;
QUOTED_IDENTIFIER : '"' ~'"'+ '"' ;
WS : [ \t\r\n]+ -> skip ;
