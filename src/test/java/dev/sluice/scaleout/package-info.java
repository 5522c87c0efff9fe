/**
 * Scale-out tests: several real Sluice server processes on one PostgreSQL database (and one
 * Redis), as an operator runs them behind a load balancer, watched from outside through HTTP and
 * the upstreams' own request logs.
 */
package dev.sluice.scaleout;
