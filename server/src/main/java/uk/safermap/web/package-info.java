/** The HTTP edge: Javalin handlers (parse, call one service, write the response), every route in {@link uk.safermap.web.Routes}, error mapping in one place. */
package uk.safermap.web;
